package blob

import "testing"

const (
	emulatorAccount = "devstoreaccount1"
	accountKey      = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
)

func TestUpload(t *testing.T) {
	c := newClient("http://127.0.0.1:10000/"+emulatorAccount, emulatorAccount, accountKey)
	if err := c.Upload("backups", "dump.sql"); err != nil {
		t.Fatal(err)
	}
}
