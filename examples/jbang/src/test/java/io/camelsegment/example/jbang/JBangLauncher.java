package io.camelsegment.example.jbang;

import org.apache.camel.dsl.jbang.core.commands.CamelJBangMain;

/** The {@code camel} command as Camel JBang's launcher script runs it: {@code camel run ...} is {@code JBangLauncher run ...}. */
public final class JBangLauncher {

    private JBangLauncher() {
    }

    public static void main(String[] args) {
        CamelJBangMain.run(args);
    }
}
