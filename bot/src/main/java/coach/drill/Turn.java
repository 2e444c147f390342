package coach.drill;

import java.util.List;
import java.util.Map;

/**
 * One exchange of a drill: the assistant answers the client's last line and is scored on the
 * criteria this turn expects; the client's next line is the reaction for the answer's band.
 */
record Turn(List<Criterion> expects, String modelAnswer, Map<Band, String> reactions) {
}
