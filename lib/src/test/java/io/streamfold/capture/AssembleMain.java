package io.streamfold.capture;

import io.streamfold.AssemblyException;
import io.streamfold.ChunkAssembler;
import java.nio.file.Path;

/** Assembles the file its argument names and prints the error's kind and message: run without YAML on the class path. */
public final class AssembleMain {

    private AssembleMain() {
    }

    public static void main(String[] args) {
        try {
            System.out.println("text: " + ChunkAssembler.assemble(Path.of(args[0])).text());
        } catch (AssemblyException e) {
            System.out.println(e.kind() + ": " + e.getMessage());
        }
    }
}
