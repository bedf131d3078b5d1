from django.urls import path

from lantoa.org import data_request_views, views

app_name = "org"
urlpatterns = [
    path("units/", views.unit_list, name="unit_list"),
    path("units/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("units/<int:pk>/edit/", views.unit_edit, name="unit_edit"),
    path("people/", views.person_list, name="person_list"),
    path("people/new/", views.person_create, name="person_create"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("people/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path(
        "people/<int:pk>/data-requests/new/",
        data_request_views.data_request_create,
        name="data_request_create",
    ),
    path("data-requests/", data_request_views.data_request_list, name="data_requests"),
    path("data-requests/<int:pk>/", data_request_views.data_request_detail, name="data_request"),
    path("people/import/", views.roster_import, name="roster_import"),
    path("people/import/template.<str:fmt>", views.roster_template, name="roster_template"),
    path("people/import/<int:pk>/", views.roster_import_detail, name="roster_import_detail"),
]
