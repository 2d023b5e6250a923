"""Every text a communicator or a visitor reads: the error catalogue and the interface text."""
