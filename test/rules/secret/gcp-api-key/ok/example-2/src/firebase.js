const firebaseConfig = {
  apiKey: "AIza9mFvucCJST0BPyw_qR14Pj1bEyax_iVu3R6",
  authDomain: "mamori-demo.firebaseapp.com",
  projectId: "mamori-demo",
};
