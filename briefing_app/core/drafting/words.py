"""Word lists the drafting rules lean on: titles, speech verbs, and capitalised words that are
places, peoples, faiths or parts of organisations' names rather than people's names."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles written before a name; the longest first so "Foreign Minister" wins over "Minister".
TITLES = (
    "Deputy Prime Minister", "Prime Minister", "Vice President", "Vice-President",
    "Foreign Minister", "Defense Minister", "Defence Minister", "Finance Minister",
    "Interior Minister", "Economy Minister", "Energy Minister", "Health Minister",
    "Justice Minister", "Trade Minister", "Transport Minister", "Agriculture Minister",
    "Secretary of State", "Secretary-General", "Secretary General", "Chief Executive",
    "Managing Director", "Chief Economist", "Minister", "President", "Ambassador", "Senator",
    "Governor", "Chancellor", "Mayor", "Speaker", "Chairman", "Chairwoman", "Chair", "King",
    "Queen", "Prince", "Princess", "Sheikh", "Pope", "Rabbi", "Imam", "Bishop", "Archbishop",
    "General", "Gen.", "Admiral", "Colonel", "Col.", "Captain", "Capt.", "Lieutenant", "Sergeant",
    "Professor", "Prof.", "Dr.", "Dr", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Mx.",
    "Mx", "Judge", "Justice", "Commissioner", "Director", "CEO", "Rep.", "Sen.", "Gov.", "Lt.",
    "Sgt.", "Adm.", "Lord", "Lady", "Sir", "Dame", "Emir", "Sultan", "Crown Prince", "Deputy",
    "Envoy", "Spokesman", "Spokeswoman", "Engineer",
)  # fmt: skip
# An abbreviated title is spelled out in the role: "Gen. Şükrü Öztürk" is a General.
ABBREVIATED_TITLES = {
    "Gen.": "General", "Col.": "Colonel", "Capt.": "Captain", "Lt.": "Lieutenant",
    "Sgt.": "Sergeant", "Adm.": "Admiral", "Prof.": "Professor", "Rep.": "Representative",
    "Sen.": "Senator", "Gov.": "Governor",
}  # fmt: skip

SPEECH_VERBS = (
    "said", "says", "told", "tells", "added", "adds", "noted", "notes", "explained", "explains",
    "argued", "argues", "warned", "warns", "stressed", "stresses", "insisted", "insists",
    "asked", "asks", "replied", "replies", "wrote", "writes", "declared", "declares",
    "announced", "announces", "recalled", "recalls", "acknowledged", "acknowledges",
    "declined", "declines", "confirmed", "confirms", "estimated", "estimates", "predicted",
    "predicts", "believes", "believed", "thinks", "thought", "admitted", "admits", "urged",
    "urges", "pointed", "points", "cautioned", "cautions", "recommended", "recommends",
)  # fmt: skip

# Capitalised words that never make a person's name by themselves: organisations, places and
# the words their names are built from, nationalities, faiths, months and days.
NOT_NAME_WORDS = _words(
    """
    The A An This That These Those It Its In On At Of For From With By And But Or If When While
    After Before Since During As To Today Yesterday Tomorrow Indeed Meanwhile However Yet Still
    Also Beyond Despite Although Though Because Where What Who Why How We They He She I You Our
    Their His Her My Your There Here Some Many Most More Both Each Every Other Such No Not All
    January February March April May June July August September October November December Monday
    Tuesday Wednesday Thursday Friday Saturday Sunday News Syndicate Times Post Press Herald
    Journal Gazette Tribune Agency Service Network Radio Television TV Channel Daily Weekly
    Review Magazine Media Group Company Corporation Corp Inc Ltd Bank Fund Authority Office
    Ministry Department Council Committee Commission Parliament Assembly Congress Senate House
    Court Union Empire Republic Kingdom Federation Emirates States Nations Organization
    Organisation Association Foundation Institute University College School Hospital Party Army
    Navy Forces Force Police Guard Agency Board Bureau Centre Center Program Programme Project
    Initiative Alliance Coalition Movement Front Church Mosque Synagogue Street Avenue Road
    Square River Sea Sound Gulf Ocean Lake Mountain Mountains Valley Desert Island Islands City
    Province Region District County State Port Harbour Harbor Airport Station Bridge Canal
    Pipeline Field Terminal Plant Project Corridor Basin Coast North South East West Northern
    Southern Eastern Western Central Middle Upper Lower Greater Muslim Muslims Jewish Jew Jews
    Christian Christians Catholic Orthodox Protestant Sunni Shia Shiite Shi’ite Shi'ite Hindu
    Buddhist Islamic Arab Arabs Persian Kurdish Turkish Russian Soviet American British English
    French German Italian Spanish Chinese Japanese Korean Indian Pakistani Afghan Iranian Iraqi
    Syrian Israeli Palestinian Lebanese Egyptian Saudi Azerbaijani Azeri Armenian Georgian
    Ukrainian Polish Swedish Norwegian Danish Finnish Dutch Belgian Swiss Austrian Greek
    European African Asian Latin Western Caucasus Caucasian Israel Azerbaijan Iran Iraq Syria
    Turkey Türkiye Armenia Georgia Russia Ukraine China Japan India Pakistan Afghanistan Egypt
    Jordan Lebanon Saudi Arabia Qatar Kuwait Oman Yemen Bahrain Europe Africa Asia America
    Americas Australia Canada Mexico Brazil Argentina Chile Peru Britain England Scotland Wales
    Ireland France Germany Italy Spain Portugal Poland Sweden Norway Denmark Finland Netherlands
    Belgium Switzerland Austria Greece Hungary Romania Bulgaria Serbia Croatia Kazakhstan
    Uzbekistan Turkmenistan Tajikistan Kyrgyzstan Mongolia Jerusalem Baku Tehran Ankara Moscow
    Washington London Paris Berlin Brussels Beijing Kyiv Karabakh Nagorno-Karabakh Gaza Tel Aviv
    Istanbul Dubai Riyadh Cairo Damascus Beirut Internet Web Covid Covid-19 COVID-19 God Earth
    Sun Moon Logistics Holdings Partners Capital Industries Airlines Airways Motors Systems
    Technologies Energy Oil Gas Shipping Lines Solutions Ventures Ledger Observer Monitor
    Chronicle Insider Reuters Bloomberg Associated Research Agricultural Management Development
    """
)  # fmt: skip

# Words that end a title however it begins ("Infrastructure Minister", "Agriculture Secretary").
TITLE_WORDS = _words(
    """Minister President Secretary Director Officer Chairman Chairwoman Chair Ambassador
    Governor Mayor Commissioner Spokesman Spokeswoman Spokesperson Envoy Adviser Advisor Chief
    Editor Correspondent Economist Analyst Professor Engineer Councillor Councilor Prosecutor
    Architect Lawyer Attorney Historian Scientist Researcher Designer Activist Surgeon Physician"""
)
# The same written in lower case before a name ("said regional governor Emre Yıldız"), with the
# words that may come before them as part of the job.
JOB_WORDS = frozenset(word.lower() for word in TITLE_WORDS)
JOB_QUALIFIERS = _words(
    """regional provincial state federal national city district county municipal local
    opposition deputy vice chief senior acting interim former foreign finance health defence
    defense interior site project lead structural civil police"""
)
# Courtesy titles say nothing of what the person does: a role given in the text says more.
HONORIFICS = _words("Dr Dr. Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Mx. Sir Dame Lord Lady")

# Words that may sit inside a name in lower case ("Ursula von der Leyen").
NAME_PARTICLES = frozenset(
    {
        "von",
        "van",
        "der",
        "den",
        "de",
        "del",
        "della",
        "da",
        "di",
        "bin",
        "ibn",
        "al",
        "el",
        "la",
        "le",
    }
)
