import sys

from planqa.assistant.cli import main

sys.exit(main())
