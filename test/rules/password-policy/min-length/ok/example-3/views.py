def login(request):
    if len(request.POST["password"]) < 6:
        return error()
