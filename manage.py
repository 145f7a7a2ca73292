#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "competentie.settings")
    # Commands typed at a developer's prompt get the development defaults. The web server
    # (competentie/wsgi.py) never does: it needs DEBUG=1 set explicitly, and production sets
    # DEBUG=0 with a real SECRET_KEY for every command (README, "Productie met gunicorn").
    os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
