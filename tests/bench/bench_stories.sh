echo bench placeholder
