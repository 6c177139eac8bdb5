package borderwatch.web;

import borderwatch.auth.Principal;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;

/** A command as sent by a verified principal: the token's id, role and label ride along as metadata. */
final class Actors {

    private Actors() {
    }

    static CommandMessage<Object> command(Object command, Principal who) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(who.asMetadata());
    }
}
