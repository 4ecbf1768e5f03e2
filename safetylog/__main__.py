from safetylog.cli import main

raise SystemExit(main())
