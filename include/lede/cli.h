/* cli.h - command-line subcommands other than the reader */
#ifndef LEDE_CLI_H
#define LEDE_CLI_H

/* lede annotations list|export ...; argv[0] is "annotations". Returns exit status. */
int	annot_cli(int argc, char **argv);

#endif
