/** The replay tests as a module: streamfold and its assertions are read as the modules they are. */
open module com.example.replay {
    requires io.streamfold;
    requires io.streamfold.assertj;
    requires org.junit.jupiter.api;
}
