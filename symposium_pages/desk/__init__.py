"""The units' own desk: a private link per invitation, the upload, the status."""
