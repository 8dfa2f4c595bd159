package dev.authfeedback.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.ParamTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import jdk.javadoc.doclet.Doclet;
import jdk.javadoc.doclet.DocletEnvironment;
import jdk.javadoc.doclet.Reporter;
import org.junit.jupiter.api.Test;

/**
 * Every public type of the domain and every public member it declares has a doc comment, and a
 * record's comment names each of its components with {@code @param}: the domain is the API embedders
 * program against. Overrides inherit their interface's comment; what the compiler makes up (a
 * record's accessors, an enum's {@code values}) is documented by the type, and so are an enum's
 * constants (the wire values the type's comment names).
 */
class DomainApiDocumentationTest {

    @Test
    void everyPublicTypeAndMemberOfTheDomainIsDocumented() throws IOException {
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(100);
        synchronized (MissingComments.FOUND) {
            MissingComments.FOUND.clear();
            try (StandardJavaFileManager files = javadoc.getStandardFileManager(null, Locale.ROOT, null)) {
                Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
                boolean ran = javadoc.getTask(null, files, null, MissingComments.class, List.of("-quiet"), units)
                        .call();
                assertThat(ran).isTrue();
            }
            assertThat(MissingComments.FOUND).as("public API without a doc comment").isEmpty();
        }
    }

    /** A doclet that lists what lacks a comment instead of writing pages. */
    public static final class MissingComments implements Doclet {

        static final List<String> FOUND = new ArrayList<>();

        @Override
        public void init(Locale locale, Reporter reporter) {
        }

        @Override
        public String getName() {
            return "missing-comments";
        }

        @Override
        public Set<? extends Option> getSupportedOptions() {
            return Set.of();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latest();
        }

        @Override
        public boolean run(DocletEnvironment environment) {
            Elements elements = environment.getElementUtils();
            for (TypeElement type : ElementFilter.typesIn(environment.getIncludedElements())) {
                if (!visible(type)) {
                    continue;
                }
                DocCommentTree typeComment = environment.getDocTrees().getDocCommentTree(type);
                if (typeComment == null) {
                    FOUND.add(type.getQualifiedName().toString());
                }
                if (type.getKind() == ElementKind.RECORD) {
                    List<String> documented = typeComment == null ? List.of() : typeComment.getBlockTags().stream()
                            .filter(tag -> tag.getKind() == DocTree.Kind.PARAM)
                            .map(tag -> ((ParamTree) tag).getName().getName().toString()).toList();
                    for (RecordComponentElement component : type.getRecordComponents()) {
                        if (!documented.contains(component.getSimpleName().toString())) {
                            FOUND.add(type.getQualifiedName() + " @param " + component.getSimpleName());
                        }
                    }
                }
                for (Element member : type.getEnclosedElements()) {
                    if (needsOwnComment(member, type, elements)
                            && environment.getDocTrees().getDocCommentTree(member) == null) {
                        FOUND.add(type.getQualifiedName() + "." + member);
                    }
                }
            }
            return true;
        }

        private static boolean visible(Element element) {
            for (Element current = element; current instanceof TypeElement; current = current.getEnclosingElement()) {
                if (!current.getModifiers().contains(Modifier.PUBLIC)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean needsOwnComment(Element member, TypeElement type, Elements elements) {
            // a record's components are its @params; an enum's constants are the values its comment names
            if (!member.getModifiers().contains(Modifier.PUBLIC) || member instanceof TypeElement
                    || member.getKind() == ElementKind.RECORD_COMPONENT || member.getKind() == ElementKind.ENUM_CONSTANT
                    || elements.getOrigin(member) != Elements.Origin.EXPLICIT) {
                return false;
            }
            // Object's methods and an enum's values/valueOf have their contract documented where they come from
            String name = member.getSimpleName().toString();
            if (member.getKind() == ElementKind.METHOD && (Set.of("equals", "hashCode", "toString").contains(name)
                    || type.getKind() == ElementKind.ENUM && Set.of("values", "valueOf").contains(name))) {
                return false;
            }
            boolean overrides = member.getAnnotationMirrors().stream()
                    .anyMatch(annotation -> annotation.getAnnotationType().toString().equals("java.lang.Override"));
            if (overrides) {
                return false;
            }
            if (type.getKind() == ElementKind.RECORD) {
                // the compact constructor and accessors are the components the record's @params describe
                boolean accessor = member.getKind() == ElementKind.METHOD && type.getRecordComponents().stream()
                        .anyMatch(component -> component.getSimpleName().equals(member.getSimpleName()));
                boolean canonical = member.getKind() == ElementKind.CONSTRUCTOR
                        && ((ExecutableElement) member).getParameters().stream().map(parameter -> parameter.asType()
                        .toString()).toList().equals(type.getRecordComponents().stream()
                        .map(component -> component.asType().toString()).toList());
                return !accessor && !canonical;
            }
            return true;
        }
    }
}
