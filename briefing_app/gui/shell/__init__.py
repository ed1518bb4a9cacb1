"""The window shell: main window, menus, settings, dialogs and the crash hook."""
