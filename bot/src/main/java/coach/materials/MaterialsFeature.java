package coach.materials;

import coach.core.Command;
import coach.core.Feature;
import coach.core.SessionHandler;
import coach.kb.KnowledgeBase;
import java.util.List;

/**
 * The materials feature: the guide's templates, checklists and handbooks (/materials), filling a template in
 * field by field (the {@code fill} session, its buttons /fill …) with the filled text checked by a
 * {@link DraftReviewer} before it is sent.
 */
public final class MaterialsFeature implements Feature {
    private final MaterialCatalog catalog;
    private final FillSessionHandler fill;
    private final List<Command> commands;

    public MaterialsFeature(KnowledgeBase kb, MaterialCatalog catalog, DraftReviewer reviewer) {
        this.catalog = catalog;
        this.fill = new FillSessionHandler(catalog, reviewer);
        this.commands = List.of(
                Command.of("fill", "fill.desc", new FillSessionHandler.FillCommand(fill)).unlisted(),
                Command.of("materials", "materials.desc", new MaterialsCommand(kb, catalog, fill)));
    }

    public MaterialCatalog catalog() {
        return catalog;
    }

    /** /materials, and /fill (the buttons under a field, unlisted). */
    @Override
    public List<Command> commands() {
        return commands;
    }

    /** The form, the filled text kept for «Проверить ещё раз», and the offer to fill a template just opened. */
    @Override
    public List<SessionHandler> sessions() {
        return List.of(fill, new FillSessionHandler.Result(), new MaterialsCommand.OfferHandler(catalog, fill));
    }
}
