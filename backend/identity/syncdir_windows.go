package identity

// syncDir does nothing on Windows: directories cannot be opened for flushing there, and NTFS
// journals renames itself.
func syncDir(string) error { return nil }
