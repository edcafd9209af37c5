package e2e

func createSecret(ns, rootPasswd string) error {
	_, err := kubectl("create", "secret", "generic", "db-root", "-n", ns,
		"--from-literal=ROOT_PASSWORD="+rootPasswd,
		"--from-literal=REPLICATION_PASSWORD="+replPasswd(ns))
	return err
}
