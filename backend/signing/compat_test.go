package signing_test

import (
	"github.com/readyfolio/readyfolio/backend/signing"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// An external test package, so that workspace may import signing one day without a cycle.
var _ workspace.Signer = (*signing.Signer)(nil)
