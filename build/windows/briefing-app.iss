; Inno Setup script: installs the onedir bundle from dist\briefing-app for the current user,
; with a Start-menu shortcut and .briefing files opening in the app.
; Build: iscc /DAppVersion=0.1.0 build\windows\briefing-app.iss  (run from the repository root)

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C1B7C52-3F7E-4E55-9A8B-7B2C7E9C2B11}
AppName=Briefing Viewer
AppVersion={#AppVersion}
AppPublisher=Briefing Viewer developers
DefaultDirName={autopf}\Briefing Viewer
DefaultGroupName=Briefing Viewer
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
OutputDir=..\..\dist
OutputBaseFilename=briefing-app-{#AppVersion}-windows-setup
SetupIconFile=..\..\resources\icons\briefing-app.ico
UninstallDisplayIcon={app}\briefing-app.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "..\..\dist\briefing-app\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Briefing Viewer"; Filename: "{app}\briefing-app.exe"
Name: "{group}\Uninstall Briefing Viewer"; Filename: "{uninstallexe}"

[Registry]
; The ProgID: icon and open command for .briefing files.
Root: HKA; Subkey: "Software\Classes\.briefing"; ValueType: string; ValueName: ""; ValueData: "BriefingViewer.Briefing"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.briefing\OpenWithProgids"; ValueType: string; ValueName: "BriefingViewer.Briefing"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\BriefingViewer.Briefing"; ValueType: string; ValueName: ""; ValueData: "Briefing"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\BriefingViewer.Briefing\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\briefing-app.exe,0"
Root: HKA; Subkey: "Software\Classes\BriefingViewer.Briefing\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\briefing-app.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\briefing-app.exe\SupportedTypes"; ValueType: string; ValueName: ".briefing"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\briefing-app.exe\SupportedTypes"; ValueType: string; ValueName: ".md"; ValueData: ""

[Run]
Filename: "{app}\briefing-app.exe"; Description: "Start Briefing Viewer"; Flags: nowait postinstall skipifsilent
