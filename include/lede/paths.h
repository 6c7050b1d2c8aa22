/* paths.h - where lede finds its data and keeps users' files (XDG) */
#ifndef LEDE_PATHS_H
#define LEDE_PATHS_H

/* The directory holding data/, themes/ and samples/: $LEDE_ROOT, else the installed
 * package data directory when running the installed binary, else the source tree. */
const char	*paths_root(void);
/* paths_root() joined with a sub-directory ("data", "themes", "samples"); owned. */
char		*paths_resource(const char *sub);
/* $XDG_CONFIG_HOME/lede (or ~/.config/lede); owned, not created. Home is $HOME
 * when absolute, else the password database's; with neither lede exits with a
 * message rather than fall back to a directory others can write. */
char		*paths_config_dir(void);
/* $XDG_DATA_HOME/lede (or ~/.local/share/lede); owned, not created. */
char		*paths_data_dir(void);

#endif
