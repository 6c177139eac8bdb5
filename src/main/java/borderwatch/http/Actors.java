package borderwatch.http;

import borderwatch.auth.Principal;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;

/** A command as sent by a verified principal: the token's id, role and label ride along as metadata. */
public final class Actors {

    private Actors() {
    }

    public static CommandMessage<Object> command(Object command, Principal who) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(who.asMetadata());
    }
}
