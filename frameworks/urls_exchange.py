"""Routes for exports, imports and the indicator writing assistant; frameworks/urls.py appends them."""

from django.urls import path

from .views import exchange

urlpatterns = [
    path("<int:pk>/export/json/", exchange.framework_export_json, name="framework-export-json"),
    path("<int:pk>/export/moodle.csv", exchange.framework_export_csv, name="framework-export-csv"),
    path("<int:pk>/export/case/", exchange.framework_export_case, name="framework-export-case"),
    path("importeren/", exchange.framework_import, name="framework-import"),
    path("importeren/case/<uuid:job_id>/", exchange.case_import_job, name="case-import-job"),
    path("schrijfhulp/gedragsindicator/", exchange.indicator_hints, name="indicator-hints"),
]
