"""The PDF and print-friendly views of a profile and of a whole framework (any readable version).

A PDF view first reads the bare row (one query): a published version's stored PDF is then served
without reading the document's content at all.
"""

from django.shortcuts import render

from .. import pdf, selectors


def profile_pdf(request, pk):
    profile = selectors.profile_head(user=request.user, pk=pk)
    return pdf.profile_pdf(profile, load=lambda: selectors.profile_document(user=request.user, pk=pk))


def profile_print(request, pk):
    context = pdf.profile_context(selectors.profile_document(user=request.user, pk=pk))
    return render(request, "frameworks/print/profile.html", context)


def framework_pdf(request, pk):
    framework = selectors.framework_head(user=request.user, pk=pk)
    return pdf.framework_pdf(framework, load=lambda: selectors.framework_document(user=request.user, pk=pk))


def framework_print(request, pk):
    context = pdf.framework_context(selectors.framework_document(user=request.user, pk=pk))
    return render(request, "frameworks/print/framework.html", context)
