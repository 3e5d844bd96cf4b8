package io.paperjam.client.cli;

/** A command that carries the {@link GlobalOptions} mixin. */
interface HasGlobalOptions {

    GlobalOptions globalOptions();
}
