"""The PDF and print-friendly views of a profile and of a whole framework (any readable version)."""

from django.shortcuts import render

from .. import pdf, selectors


def profile_pdf(request, pk):
    return pdf.profile_pdf(request, selectors.profile_document(user=request.user, pk=pk))


def profile_print(request, pk):
    context = pdf.profile_context(selectors.profile_document(user=request.user, pk=pk))
    return render(request, "frameworks/print/profile.html", context)


def framework_pdf(request, pk):
    return pdf.framework_pdf(request, selectors.framework_document(user=request.user, pk=pk))


def framework_print(request, pk):
    context = pdf.framework_context(selectors.framework_document(user=request.user, pk=pk))
    return render(request, "frameworks/print/framework.html", context)
