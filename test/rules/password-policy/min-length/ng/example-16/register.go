type RegisterRequest struct {
	Password string `json:"password" binding:"required,min=6"`
}
