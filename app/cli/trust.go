package cli

import (
	"crypto/x509"
	"encoding/pem"
	"os"
)

// readTrust reads the certificates a reviewer pins with --trust ("" for none).
func readTrust(path string) ([]*x509.Certificate, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, usagef("Cannot read the trusted certificate %s: %v.", path, unwrap(err))
	}
	var certs []*x509.Certificate
	for {
		var block *pem.Block
		block, data = pem.Decode(data)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			continue
		}
		cert, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, usagef("%s holds a certificate that cannot be read: %v.", path, err)
		}
		certs = append(certs, cert)
	}
	if len(certs) == 0 {
		return nil, usagef("%s holds no PEM certificate; export one with 'readyfolio identity export-cert'.", path)
	}
	return certs, nil
}
