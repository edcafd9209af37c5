router.post('/login', body('password').isLength({ min: 6 }), login);
