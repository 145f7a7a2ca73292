from django.shortcuts import render


def procedure_list(request):
    return render(request, "selectie/procedure_list.html")
