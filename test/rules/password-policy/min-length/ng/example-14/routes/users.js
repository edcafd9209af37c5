router.post('/register', body('password').isLength({ min: 6 }), create);
