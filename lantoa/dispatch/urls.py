from django.urls import path

from lantoa.dispatch import views

app_name = "dispatch"
urlpatterns = [
    path("<str:token>/", views.dispatch_open, name="open"),
]
