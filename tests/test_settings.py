import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from competentie.organisations.models import Membership
from frameworks.demo import DEMO_ACCOUNTS

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    # A clean production-like environment: nothing the test run itself set may leak in.
    leaks = {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}
    environment = {k: v for k, v in os.environ.items() if k not in leaks}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_settings_pass_check_deploy_without_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
        ALLOWED_HOSTS="competentie.example.nl",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_debug_gives_development_defaults():
    result = run_manage("diffsettings", DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert "ALLOWED_HOSTS = ['127.0.0.1', 'localhost']" in result.stdout


@pytest.mark.django_db
class TestDemoAccounts:
    def test_setup_demo_creates_one_account_per_role_and_keeps_data(self, settings, capsys):
        settings.DEBUG = True
        call_command("setup_demo")
        call_command("setup_demo")
        out = capsys.readouterr().out
        for username, role, _description in DEMO_ACCOUNTS:
            membership = Membership.objects.get(user__username=username)
            assert membership.role == role
            assert membership.user.check_password("demo")
            assert username in out
        # The four role accounts plus the demo's extra selecteurs, MT members and the peer colleague.
        assert Membership.objects.exclude(role=Membership.Role.MEDEWERKER).count() == 9
        # And the medewerkers demo team: a manager and six employees.
        assert Membership.objects.filter(role=Membership.Role.MEDEWERKER).count() == 7
        assert "bestond al" in out

    def test_setup_demo_refuses_in_production(self, settings):
        settings.DEBUG = False
        with pytest.raises(CommandError):
            call_command("setup_demo")
