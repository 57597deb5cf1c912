package fr.mare.account;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Jakarta Security: a form mechanism whose login page is the Faces page {@code /connexion}
 * (the backing bean calls {@code SecurityContext.authenticate}), and the roles of Mare.
 * Protected URLs are declared in web.xml; fine-grained rules live in each feature's policy.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/connexion", errorPage = "", useForwardToLogin = false))
@DeclareRoles({"MEMBER", "MODERATOR", "ADMIN"})
@ApplicationScoped
public class SecurityConfig {
}
