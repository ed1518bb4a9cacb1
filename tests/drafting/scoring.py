"""Precision and recall of the drafted panels against the gold lists in gold.yaml.

.venv/bin/python -m tests.drafting.scoring     # prints the table kept in docs/drafting.md
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from briefing_app.core.dates import PartialDate
from briefing_app.core.drafting import Draft, draft_briefing
from briefing_app.core.drafting.numbers import number_value

HERE = Path(__file__).resolve().parent
KINDS = ("people", "figures", "dates")


@dataclass
class Score:
    proposed: int = 0
    gold: int = 0
    correct_proposals: int = 0
    found_gold: int = 0

    @property
    def precision(self) -> float:
        return self.correct_proposals / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.found_gold / self.gold if self.gold else 1.0

    def __iadd__(self, other: Score) -> Score:
        self.proposed += other.proposed
        self.gold += other.gold
        self.correct_proposals += other.correct_proposals
        self.found_gold += other.found_gold
        return self


def load_gold() -> list[dict]:
    return yaml.safe_load((HERE / "gold.yaml").read_text(encoding="utf-8"))


def draft_for(case: dict) -> Draft:
    text = (HERE / case["article"]).read_text(encoding="utf-8")
    return draft_briefing(text, PartialDate.parse(str(case["date"])))


def _number(text: str) -> str:
    """ "€1.2 billion" -> "1.2 billion", "~25,000–30,000" -> "25,000–30,000", "eighteen" -> "18"."""
    text = text.lower().replace("-", "–")
    text = re.sub(r"[€$£¥~+%]|per ?cent", "", text).strip()
    first = text.split()[0] if text.split() else ""
    value = number_value(first)
    if value is not None and not first[:1].isdigit():
        text = text.replace(first, str(int(value)), 1)
    return text


def _match(proposals: list, gold: list, same) -> Score:
    score = Score(proposed=len(proposals), gold=len(gold))
    used: set[int] = set()
    for item in gold:
        for index, proposal in enumerate(proposals):
            if index not in used and same(proposal, item):
                used.add(index)
                score.found_gold += 1
                break
    score.correct_proposals = len(used)
    return score


def score_case(case: dict) -> dict[str, Score]:
    """Scores for the kinds the case lists: an article written for one of them lists that one."""
    draft = draft_for(case)
    scores = {}
    if "people" in case:
        scores["people"] = _match(draft.people, case["people"], lambda p, name: p.name == name)
    if "figures" in case:
        scores["figures"] = _match(
            draft.figures,
            case["figures"],
            lambda f, g: (
                _number(f.value).startswith(_number(g["number"]))
                and g["counts"].lower() in f" {f.value} {f.label} {f.quote} ".lower()
            ),
        )
    if "dates" in case:
        scores["dates"] = _match(
            draft.events,
            case["dates"],
            lambda e, g: e.date.iso() == str(g["date"]) and g["about"].lower() in e.event.lower(),
        )
    return scores


def totals(cases: list[dict]) -> dict[str, Score]:
    summed = {kind: Score() for kind in KINDS}
    for case in cases:
        for kind, score in score_case(case).items():
            summed[kind] += score
    return summed


def _line(name: str, kind: str, score: Score) -> None:
    print(
        f"{name:<36} {kind:<8} {score.proposed:>8} {score.gold:>5}"
        f" {score.precision:>9.2f} {score.recall:>7.2f}"
    )


def report() -> dict[str, Score]:
    cases = load_gold()
    print(f"{'article':<36} {'kind':<8} {'proposed':>8} {'gold':>5} {'precision':>9} {'recall':>7}")
    for case in cases:
        for kind, score in score_case(case).items():
            _line(Path(case["article"]).name, kind, score)
    for kind, score in totals(cases).items():
        _line("all articles", kind, score)
    return totals(cases)


if __name__ == "__main__":
    report()
    sys.exit(0)
