from django.http import HttpResponse
from django.shortcuts import render

from frameworks.models import Organisation


def home(request):
    return render(request, "home.html")


def floor(request):
    """The benchmark's floor: same middleware and session as every page, and one query of its own."""
    return HttpResponse(f"<!DOCTYPE html><title>vloer</title><p>{Organisation.objects.count()}</p>")
