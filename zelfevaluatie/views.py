from django.shortcuts import render


def round_list(request):
    return render(request, "zelfevaluatie/round_list.html")
