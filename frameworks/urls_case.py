"""The 1EdTech CASE 1.1 REST binding (read only), mounted at /ims/case/v1p1/ in competentie/urls.py.

Published versions and the seeded libraries only; the libraries are public, an organisation's
published frameworks are read by its members (see frameworks/views/case.py).
"""

from django.urls import path

from .views import case

app_name = "case"

urlpatterns = [
    path("CFDocuments", case.document_list, name="document-list"),
    path("CFDocuments/<str:document_id>", case.document_detail, name="document"),
    path("CFPackages/<str:document_id>", case.package_detail, name="package"),
    path("CFItems/<str:item_id>", case.item_detail, name="item"),
    path("CFAssociations/<str:association_id>", case.association_detail, name="association"),
]
