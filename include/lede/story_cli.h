/* story_cli.h - lede stories, and lede analyze over stories */
#ifndef LEDE_STORY_CLI_H
#define LEDE_STORY_CLI_H

/* lede stories [--timing] PATH...; argv[0] is "stories". Returns the exit status. */
int	story_cli(int argc, char **argv);

/* lede analyze [--stories|--no-stories] PATH...: takes its options out of argv. When
 * the articles are to be compared (a PATH that is not "-", or --stories), analyses
 * them as stories and returns the exit status; else returns -1 and the caller
 * analyses one article at a time. */
int	story_analyze(int *argc, char **argv);

#endif
