"""An organisation's house style on the NL Design System: logo, colours and fonts as design tokens.

The pages stand on the NL Design System's Utrecht component CSS and the "voorbeeld" token set
(vendored under static/vendor/nlds/ by `make vendor-nlds`); an organisation's beheerder sets a few
tokens of its own (tokens.py), checked for contrast, and they reach pages (a small stylesheet per
organisation), e-mails (competentie/notifications/mail.py) and PDFs (competentie/pdf.py).
"""
