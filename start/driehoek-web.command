#!/bin/sh
# Dubbelklik om driehoek in je browser te openen (macOS). Sluit dit venster
# of druk op Ctrl-C om te stoppen.
PATH="$HOME/.cargo/bin:/usr/local/bin:/opt/homebrew/bin:$PATH"
exec driehoek web
