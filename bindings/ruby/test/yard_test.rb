# frozen_string_literal: true

# Every public method of the binding carries YARD tags in the comment above it: @return, and a
# @param for each named parameter (keyword splats and blocks aside). Found by reflection
# (Method#source_location); modules, classes and methods marked `@api private` (or `@private`)
# are internal and skipped.
require "minitest/autorun"
require "docker_containers"

class YardTest < Minitest::Test
  LIB = File.expand_path("../lib", __dir__)

  def comment_above(file, line)
    lines = File.readlines(file)
    i = line - 2
    got = []
    while i >= 0 && lines[i].strip.start_with?("#")
      got.unshift(lines[i].strip)
      i -= 1
    end
    got
  end

  def private_api?(mod)
    file, line = Object.const_source_location(mod.name)
    file.nil? || comment_above(file, line).any? { |l| l.include?("@api private") }
  end

  def public_methods_of(mod)
    own = mod.public_instance_methods(false).map { |m| mod.instance_method(m) }
    own + mod.singleton_class.public_instance_methods(false).map { |m| mod.method(m) }
  end

  def test_every_public_method_has_yard_tags
    mods = DockerContainers.constants.map { |c| DockerContainers.const_get(c) }
                           .grep(Module).reject { |m| private_api?(m) }
    mods << DockerContainers
    problems = []
    checked = 0
    mods.uniq.each do |mod|
      public_methods_of(mod).each do |m|
        file, line = m.source_location
        next unless file&.start_with?(LIB)

        doc = comment_above(file, line)
        next if doc.any? { |l| l.include?("@api private") || l.start_with?("# @private") }

        checked += 1
        where = "#{mod}##{m.name} (#{File.basename(file)}:#{line})"
        problems << "#{where}: no @return" unless doc.any? { |l| l.match?(/@return\b/) }
        m.parameters.each do |kind, name|
          next if %i[keyrest rest block].include?(kind) || name.nil?
          next if doc.any? { |l| l.match?(/@param\s+(\[[^\]]*\]\s+)?#{name}\b/) }

          problems << "#{where}: no @param #{name}"
        end
      end
    end
    assert_operator checked, :>, 50
    puts "yard: #{checked} public methods checked"
    assert_empty problems, "public methods without YARD tags:\n#{problems.join("\n")}"
  end
end
