from django.urls import path

from lantoa.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("people/<int:pk>/data/", views.person_data, name="person_data"),
    path("people/<int:pk>/data/xlsx/", views.person_data, {"fmt": "xlsx"}, name="person_data_xlsx"),
    path("people/<int:pk>/erase/", views.person_erase, name="person_erase"),
]
