"""Forms made from a bank for the platforms HR units collect answers with: an XLSForm
for KoboToolbox and ODK (``xlsform``), a LimeSurvey survey structure (``limesurvey``)
and a Google Apps Script that builds a Google Form (``gforms``). ``layout`` holds what
they share, and what ``batch`` uses to recognise their exports."""
