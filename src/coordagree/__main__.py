"""``python -m coordagree``: the command line, as the ``coordagree`` script runs it."""

if __name__ == "__main__":  # importing this module (a doc tool, a test) runs nothing
    from coordagree._launch import main

    main()
