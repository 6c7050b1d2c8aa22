/* paths.c - data directory discovery and XDG user directories */
#include <config.h>

#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lede/paths.h"
#include "lede/util.h"

static int
is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Is the running binary the one installed in LEDE_BINDIR? */
static int
running_installed(void)
{
	char exe[PATH_MAX], bindir[PATH_MAX], *slash;
	ssize_t n;

	if ((n = readlink("/proc/self/exe", exe, sizeof exe - 1)) <= 0)
		return 0;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return 0;
	*slash = '\0';
	if (realpath(LEDE_BINDIR, bindir) == NULL)
		return 0;
	return strcmp(exe, bindir) == 0;
}

const char *
paths_root(void)
{
	static char *root;
	const char *env;

	if (root != NULL)
		return root;
	if ((env = getenv("LEDE_ROOT")) != NULL && *env != '\0')
		root = xstrdup(env);
	else if (running_installed() || !is_dir(LEDE_SRCDIR "/data"))
		root = xstrdup(LEDE_PKGDATADIR);
	else
		root = xstrdup(LEDE_SRCDIR);
	return root;
}

char *
paths_resource(const char *sub)
{
	return xasprintf("%s/%s", paths_root(), sub);
}

/* The user's home: $HOME when it is an absolute path, else the password
 * database's entry, else NULL (never a directory any user may write, like /tmp). */
static const char *
home_dir(void)
{
	const char *home = getenv("HOME");
	struct passwd *pw;

	if (home != NULL && home[0] == '/')
		return home;
	if ((pw = getpwuid(getuid())) != NULL && pw->pw_dir != NULL && pw->pw_dir[0] == '/')
		return pw->pw_dir;
	return NULL;
}

static char *
xdg_dir(const char *var, const char *fallback)
{
	const char *v = getenv(var), *home;

	if (v != NULL && v[0] == '/')
		return xasprintf("%s/lede", v);
	if ((home = home_dir()) == NULL) {
		/* main asks before the terminal is set up, so this is seen */
		fputs("lede: HOME is not set and the password database gives no home "
		    "directory; set HOME\n", stderr);
		exit(1);
	}
	return xasprintf("%s/%s/lede", home, fallback);
}

char *
paths_config_dir(void)
{
	return xdg_dir("XDG_CONFIG_HOME", ".config");
}

char *
paths_data_dir(void)
{
	return xdg_dir("XDG_DATA_HOME", ".local/share");
}
