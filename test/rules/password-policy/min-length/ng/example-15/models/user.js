const UserSchema = new mongoose.Schema({
  password: { type: String, required: true, minlength: 6 },
});
