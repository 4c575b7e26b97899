@echo off
rem Dubbelklik om driehoek in je browser te openen. Sluit dit venster om te stoppen.
driehoek web
