package in.mdm.optimization.transfer;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The same model as {@link TransferPlanner#solve}, as two linear programs solved by
 * ojAlgo: an independent check of the flow's optimum (the unit tests and
 * {@code tools/bench/TransferBench.java}). Variables: the flow on each arc, in the
 * network's units, within its capacity; a surplus site sends at most its surplus, a
 * deficit site receives at most its deficit. First the most delivered {@code F}; then the
 * least cost with exactly {@code F} delivered.
 */
public final class TransferLp {

    /** The LP's optimum: delivered grams and the least cost at that flow. */
    public record Optimum(double deliveredGrams, double cost) {
    }

    private TransferLp() {
    }

    public static Optimum solve(TransferPlanner.Network n) {
        if (n.arcs() == 0) {
            return new Optimum(0, 0);
        }
        ExpressionsBasedModel first = model(n, false, 0);
        Optimisation.Result max = first.maximise();
        check(max);
        double delivered = max.getValue();
        if (delivered < 0.5) {
            return new Optimum(0, 0);
        }
        ExpressionsBasedModel second = model(n, true, delivered);
        Optimisation.Result min = second.minimise();
        check(min);
        return new Optimum(delivered * n.unitGrams(), min.getValue());
    }

    private static void check(Optimisation.Result result) {
        if (!result.getState().isOptimal()) {
            throw new IllegalStateException("LP not solved to optimality: " + result.getState());
        }
    }

    private static ExpressionsBasedModel model(TransferPlanner.Network n, boolean costs, double delivered) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] x = new Variable[n.arcs()];
        for (int a = 0; a < n.arcs(); a++) {
            x[a] = model.addVariable("x" + a).lower(0).upper(n.arcUnits()[a]);
        }
        Expression[] out = new Expression[n.surplusSites().length];
        Expression[] in = new Expression[n.deficitSites().length];
        for (int a = 0; a < n.arcs(); a++) {
            int s = n.arcFrom()[a];
            int d = n.arcTo()[a];
            if (out[s] == null) {
                out[s] = model.addExpression("s" + s).upper(n.surplusUnits()[s]);
            }
            if (in[d] == null) {
                in[d] = model.addExpression("d" + d).upper(n.deficitUnits()[d]);
            }
            out[s].set(x[a], 1);
            in[d].set(x[a], 1);
        }
        Expression total = model.addExpression("objective").weight(1);
        for (int a = 0; a < n.arcs(); a++) {
            total.set(x[a], costs ? n.arcCost()[a] + n.deficitCost()[n.arcTo()[a]] : 1);
        }
        if (costs) {
            Expression flow = model.addExpression("flow").level(Math.round(delivered));
            for (int a = 0; a < n.arcs(); a++) {
                flow.set(x[a], 1);
            }
        }
        return model;
    }

}
