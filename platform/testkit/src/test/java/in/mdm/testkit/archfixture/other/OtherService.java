package in.mdm.testkit.archfixture.other;

/** Stands for another service's code. */
public class OtherService {

    public int answer() {
        return 42;
    }

}
