/* test_fork.c: after fork(), the child gets a fresh runtime and fresh connections: it can make
 * a new client and ping, and can also keep using the client its parent made.
 *
 * The child reports its result through a pipe and then ends with SIGKILL: a forked child holds a
 * copy of the parent's memory without the parent's threads, so a leak checker's exit-time scan
 * of it reports the parent's thread-owned state as lost. The parent is checked in full. */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "docker_containers.h"

static int child(docker_client *inherited) {
    docker_error *err = NULL;
    docker_client *c = NULL;
    if (docker_client_from_env(NULL, &c, &err) != DOCKER_OK) return 10;
    for (int i = 0; i < 20; i++)
        if (docker_client_ping(c, &err) != DOCKER_OK) return 11;
    docker_client_free(c);
    if (docker_client_ping(inherited, &err) != DOCKER_OK) {
        fprintf(stderr, "child: inherited client: %s\n", docker_error_message(err));
        return 12;
    }
    docker_client_free(inherited);
    return 0;
}

int main(void) {
    docker_error *err = NULL;
    docker_client *c = NULL;
    CHECK_OK(docker_client_from_env(NULL, &c, &err), &err);
    /* Warm the parent: runtime threads and a pooled connection exist before the fork. */
    for (int i = 0; i < 5; i++) CHECK_OK(docker_client_ping(c, &err), &err);

    for (int round = 0; round < 3; round++) {
        int p[2];
        CHECK(pipe(p) == 0);
        fflush(NULL);
        pid_t pid = fork();
        CHECK(pid >= 0);
        if (pid == 0) {
            unsigned char result = (unsigned char)child(c);
            if (write(p[1], &result, 1) != 1) _exit(3);
            kill(getpid(), SIGKILL);
            _exit(4);
        }
        close(p[1]);
        unsigned char result = 255;
        CHECK(read(p[0], &result, 1) == 1);
        close(p[0]);
        int status = 0;
        CHECK(waitpid(pid, &status, 0) == pid);
        if (result != 0) {
            fprintf(stderr, "child failed with %d\n", result);
            return 1;
        }
        /* The parent's client still works after its child used the inherited copy. */
        CHECK_OK(docker_client_ping(c, &err), &err);
    }
    docker_client_free(c);
    DONE("test_fork");
}
